"""The checks: a document against the statutory requirements for its kind, its ratings
for colour alone, what it would publish for personal data, a public document's
readability, and the templates it would be built with."""
