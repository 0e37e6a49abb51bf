"""Score the extractor against the hand-made gold in ``corpora/gold/<id>.json``.

Each area module (targets, agencies, facts) has ``score(gold, doc) -> list[Score]``; this package
adds the counts up over documents and prints one table.
"""
