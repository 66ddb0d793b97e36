print u"éèà"
