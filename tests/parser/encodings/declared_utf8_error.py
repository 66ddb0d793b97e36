# -*- coding: utf-8 -*-
print u"éèà"
