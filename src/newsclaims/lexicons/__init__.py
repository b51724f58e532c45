"""Lexicons for attribution extraction: plain data files written for newsclaims.

Each file starts with a comment header giving its columns and provenance. They are read by
:mod:`newsclaims.extraction._lexicon`; users add entries at call time rather than editing them.
"""
