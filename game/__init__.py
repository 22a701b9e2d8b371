"""Perimeter: a negotiation game about North American security cooperation."""
