import sys
print("start")
import does_not_exist
