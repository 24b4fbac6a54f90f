import factory
from factory.django import DjangoModelFactory

from gongkai.agencies.models import Agency


class AgencyFactory(DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"测试{n}镇人民政府")
    kind = Agency.Kind.TOWNSHIP
    parent = None
    code = factory.Sequence(lambda n: f"test-{n}")
