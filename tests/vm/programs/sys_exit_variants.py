import sys
try:
    sys.exit(0)
except SystemExit as e:
    print("code", e.code)
try:
    sys.exit()
except SystemExit as e:
    print("code", e.code)
try:
    raise SystemExit(2, "x")
except SystemExit as e:
    print("code", e.code)
print("exiting with 0")
sys.exit(None)
