"""The window that imports a commune's list of learners: the wizard, its table model and its small parts."""
