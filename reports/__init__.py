"""The commune's reports: periods, targets, figures (pure) and the report document's files."""
