try:
    pass
except Exception as e.x:
    pass
