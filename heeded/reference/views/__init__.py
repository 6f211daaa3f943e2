"""The settings screens. Each view parses the request, asks heeded.access.policies whether
the person may be here, and calls a function in heeded.reference.services."""
