"""Reading content: YAML as people mean it, each value with its line, checked against the
kind's fields and rules, the partnership found, and the documents a file names loaded too."""
