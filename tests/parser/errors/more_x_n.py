@x

