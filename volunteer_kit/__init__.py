"""Volunteer Kit: an offline-first field toolkit for digital-literacy volunteers."""

__version__ = "0.1.0"
APP_NAME = "Volunteer Kit"
APP_ID = "volunteer-kit"
