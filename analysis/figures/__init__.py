"""Stage 6, figures: the Arabic label rule, fonts and style, table builders, plots, saving.
Consumes tables; imports no coding stage."""
