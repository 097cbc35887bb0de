"""Analysis of the model: flow graphs per section and timing totals."""
