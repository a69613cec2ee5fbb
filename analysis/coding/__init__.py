"""Stage 3, the codebook implemented: lexicons and their loader, actor mentions, attribution
and stance. Imports only :mod:`analysis.corpus` and :mod:`analysis.text`."""
