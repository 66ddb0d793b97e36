def fail(i):
    raise ValueError(f"task {i} failed")
errors = []
for i in range(2):
    try:
        fail(i)
    except ValueError as e:
        errors.append(e)
raise ExceptionGroup("batch failed", errors)
