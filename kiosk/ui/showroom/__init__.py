"""What visitors see and hear: the car stage, the HUD, the music."""
