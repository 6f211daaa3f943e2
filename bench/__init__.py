"""Speed benches: `python -m bench.<topic>`, each against a baseline run in the same process."""
