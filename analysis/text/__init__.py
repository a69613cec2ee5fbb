"""Stage 2, the text: character maps, normalisation with its offset map, segmentation into
title, headings, lead and body sentences. Imports only :mod:`analysis.corpus`."""
