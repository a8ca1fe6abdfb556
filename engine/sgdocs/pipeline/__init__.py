"""The pipelines the commands run, each putting the stages in order: `load` (read, then
check, each content file), `check` (and the templates and readability), `build`."""
