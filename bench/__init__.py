"""The performance benchmark: synthetic SOP libraries, and sopdsl's commands timed against the Lark floor."""
