match x:
    case -x:
        pass
