"""The library site `sopdsl build` writes: every SOP's document and diagrams, source listings and an index page."""
