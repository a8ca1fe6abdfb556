"""Writing outputs: atomically and reproducibly (`files`), with where they came from in their
metadata (`provenance`), and a record of what each was built from (`record`)."""
