"""Operations: the single-instance guard, logging set-up, backups, stats and the health check."""
