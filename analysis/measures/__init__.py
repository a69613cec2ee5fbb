"""Stage 4, measures: features per group × side computed from the tables (pure table
functions, so that both the pipeline's result object and the notebooks can use them)."""
