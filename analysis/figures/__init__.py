"""Stage 6, figures: the Arabic label rule (``labels``), fonts and style (``fonts``), names and
colours (``glossary``), the numbers each figure draws (``tables``), the figures (``plots``) and
byte-stable saving (``saving``). Consumes tables; imports no coding stage."""
