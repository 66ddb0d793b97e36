class ConfigError(Exception):
    pass
def load():
    try:
        {}["missing"]
    except KeyError as e:
        raise ConfigError("config broken") from e
load()
