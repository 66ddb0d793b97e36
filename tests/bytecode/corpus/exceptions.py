def f(x):
    try:
        r = 1 / x
    except ZeroDivisionError:
        print("zero")
    except (TypeError, ValueError) as e:
        print(e)
    else:
        print(r)
    finally:
        print("done")


def g():
    try:
        raise ValueError("x")
    except Exception as e:
        raise RuntimeError("y") from e


def h():
    try:
        pass
    finally:
        return 1


def star():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        print(e)
    except* TypeError:
        pass


def nested():
    for i in range(3):
        try:
            try:
                continue
            finally:
                break
        except:
            raise
    assert i, "message"
    assert i
