"""Domain knowledge as data: every word list, phrasing, registry and table that gdparse reads text
with lives in ``gdparse/knowledge/data/*.yaml``, each file versioned, validated by one schema when
first used and carrying examples that the tests check. One module per domain gives typed, cached
accessors (loaded once per process, never per document):

- :mod:`.documents`: document types, issuers, the national documents catalogue, plan generations
- :mod:`.layout`: section headings, layout line kinds, region headings and assignee labels
- :mod:`.roles`: role keywords of assignment clauses
- :mod:`.milestones`: units, milestone phrasings and what a target measures
- :mod:`.indicators`: national indicators and strategies, the crosswalk between them, domains
- :mod:`.agencies`: the agency registry and its lineage
- :mod:`.provinces`: the one province table (names, aliases, 2025 successors)
- :mod:`.signature`: authority lines, signing titles, family names
- :mod:`.budgets`: funding sources and money amounts
- :mod:`.reporting`: reporting frequencies and deadlines
- :mod:`.webtext`: portal navigation lines and phrases split across lines
- :mod:`.windows`: how far into a document each letterhead fact is looked for
- :mod:`.columns`: the column dictionary of the exported tables
- :mod:`.encodings`: legacy encoding tables and common syllables

Code never repeats a list that a data file holds; the matching code that uses the knowledge
stays with its stage.
"""
