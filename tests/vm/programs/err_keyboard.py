class CustomBase(BaseException):
    pass
try:
    raise CustomBase("not an Exception")
except Exception:
    print("not caught here")
except BaseException as e:
    print("caught BaseException", e)
raise CustomBase("uncaught")
