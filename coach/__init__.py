"""coach: a playbook-grounded conversation coach for Customer Success Managers."""

__version__ = "0.1.0"
