"""Rendering: what templates see (`context`), the one sandboxed Jinja environment
(`templating`), and one module per format, imported only when that format is built."""
