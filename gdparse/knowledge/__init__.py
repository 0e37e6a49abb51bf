"""Domain knowledge as data: every word list, phrasing, registry and table that gdparse reads text
with lives in ``gdparse/knowledge/data/*.yaml``, each file versioned, validated by one schema when
first used (:mod:`.loader`: one YAML loader, one strict schema base) and carrying examples that the
tests check. One module per domain gives typed, cached accessors (loaded once per process, never
per document):

- :mod:`.documents`: document types (words, abbreviations, codes, title words, the parts they open,
  the types that attach a plan, law-like types), canonical symbols, issuers (``issuers.yaml``), the
  national documents catalogue and the generations of plans
- :mod:`.layout`: section headings, region headings and assignee labels (``headings.yaml``), layout
  line kinds (``layout.yaml``)
- :mod:`.roles`: role keywords of assignment clauses and what joins them
- :mod:`.milestones`: units, milestone phrasings and what a target measures
- :mod:`.indicators`: national strategies and indicators, the crosswalk between them, domains
- :mod:`.agencies`: the agency registry and its lineage
- :mod:`.provinces`: the one province table (names and 2025 successors, aliases, central cities)
- :mod:`.signature`: authority lines, signing titles, family names
- :mod:`.budgets`: funding sources and money amounts
- :mod:`.reporting`: reporting frequencies and deadlines
- :mod:`.webtext`: portal navigation lines and phrases a line break may split
- :mod:`.windows`: how far into a document each fact of its opening is looked for
- :mod:`.columns`: the column dictionary of the exported tables
- :mod:`.encodings`: legacy encoding tables and common syllables

Extraction and comparison read the same knowledge; code never repeats a list that a data file
holds, and the matching code that uses the knowledge stays with its stage.
"""
