"""Vietnamese text handling shared by the Rasa project and the Python services (stdlib only)."""
