"""Stage 1, the corpus: where things are (:mod:`~analysis.corpus.paths`), the table schema
(:mod:`~analysis.corpus.schema`), and reading and writing corpora (:mod:`~analysis.corpus.io`)."""
