"""Forms for the settings screens: they only parse what was typed; the services decide."""
