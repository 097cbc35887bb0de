"""`sopdsl serve`: a local web app to write and review a library of SOPs in the browser, files on disk as storage."""
