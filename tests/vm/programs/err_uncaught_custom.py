class AppError(Exception):
    def __str__(self):
        return "custom str"
def run():
    raise AppError()
run()
