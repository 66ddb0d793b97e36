print("about to raise SystemExit")
raise SystemExit(7)
