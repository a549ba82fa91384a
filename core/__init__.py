"""What every part of Mreža shares: settings, storage, clock and the domain's plain types."""
