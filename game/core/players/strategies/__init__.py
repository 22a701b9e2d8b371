"""The computer's negotiation strategies, one module each, behind the `Negotiator` interface."""
