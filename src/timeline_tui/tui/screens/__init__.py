"""Screens of the explorer, one per module."""
