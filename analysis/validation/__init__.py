"""Stage 8, validation: gold loading, scoring against gold, intercoder agreement, coder sheets."""
