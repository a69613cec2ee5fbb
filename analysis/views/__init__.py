"""Stage 7, views: the right-to-left HTML evidence view of one article and keyword in context."""
