"""Telegram bot for Samordningsförbundet Östra Södertörn, built from its newsletters."""
