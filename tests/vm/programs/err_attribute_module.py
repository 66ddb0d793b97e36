import sys
print(sys.version_info[0])
sys.not_there
