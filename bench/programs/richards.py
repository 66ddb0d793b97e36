# A richards-style operating-system simulation: a priority scheduler running idle, worker,
# handler and device tasks that pass packets through queues. Written for this suite.
IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE, KIND_WORK = 0, 1
BUFSIZE = 4


class Packet:
    __slots__ = ("link", "ident", "kind", "datum", "data")

    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    def __init__(self, sched, ident, priority, queue):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.waiting = queue is not None
        self.held = False

    def runnable(self):
        return not self.held and (self.queue is not None or not self.waiting)

    def take_packet(self):
        pkt = self.queue
        self.queue = pkt.link
        pkt.link = None
        self.waiting = False
        return pkt

    def receive(self, pkt):
        self.queue = pkt.append_to(self.queue)


class IdleTask(Task):
    def __init__(self, sched, ident, priority, count):
        super().__init__(sched, ident, priority, None)
        self.control = 1
        self.count = count

    def step(self, pkt):
        self.count -= 1
        if self.count == 0:
            self.sched.hold_self()
        elif self.control & 1 == 0:
            self.control >>= 1
            self.sched.release(DEVICE_A)
        else:
            self.control = (self.control >> 1) ^ 0xD008
            self.sched.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        super().__init__(sched, ident, priority, queue)
        self.dest = HANDLER_A
        self.count = 0

    def step(self, pkt):
        if pkt is None:
            self.sched.wait()
            return
        self.dest = HANDLER_B if self.dest == HANDLER_A else HANDLER_A
        pkt.ident = self.dest
        pkt.datum = 0
        for i in range(BUFSIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            pkt.data[i] = 64 + self.count
        self.sched.send(pkt)


class HandlerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        super().__init__(sched, ident, priority, queue)
        self.work_in = None
        self.device_in = None

    def step(self, pkt):
        if pkt is not None:
            if pkt.kind == KIND_WORK:
                self.work_in = pkt.append_to(self.work_in)
            else:
                self.device_in = pkt.append_to(self.device_in)
        work = self.work_in
        if work is not None:
            n = work.datum
            if n >= BUFSIZE:
                self.work_in = work.link
                self.sched.send(work)
                return
            dev = self.device_in
            if dev is not None:
                self.device_in = dev.link
                dev.datum = work.data[n]
                work.datum = n + 1
                self.sched.send(dev)
                return
        self.sched.wait()


class DeviceTask(Task):
    def __init__(self, sched, ident, priority, queue):
        super().__init__(sched, ident, priority, queue)
        self.pending = None

    def step(self, pkt):
        if pkt is None:
            if self.pending is None:
                self.sched.wait()
                return
            out = self.pending
            self.pending = None
            self.sched.send(out)
            return
        self.pending = pkt
        self.sched.output.append(pkt.datum)
        self.sched.hold_self()


class Scheduler:
    def __init__(self):
        self.tasks = {}
        self.order = []
        self.current = None
        self.switches = 0
        self.output = []

    def add(self, task):
        self.tasks[task.ident] = task
        self.order.append(task)
        self.order.sort(key=lambda t: -t.priority)

    def hold_self(self):
        self.current.held = True

    def release(self, ident):
        self.tasks[ident].held = False

    def wait(self):
        self.current.waiting = True

    def send(self, pkt):
        target = self.tasks[pkt.ident]
        pkt.ident = self.current.ident
        target.receive(pkt)

    def pick(self):
        for t in self.order:
            if t.runnable():
                return t
        return None

    def run(self):
        task = self.pick()
        while task is not None:
            self.switches += 1
            self.current = task
            pkt = task.take_packet() if task.queue is not None else None
            task.step(pkt)
            task = self.pick()


def simulate(count):
    s = Scheduler()
    s.add(IdleTask(s, IDLE, 0, count))
    work = Packet(None, WORKER, KIND_WORK)
    work = Packet(work, WORKER, KIND_WORK)
    s.add(WorkerTask(s, WORKER, 1000, work))
    dev = Packet(None, DEVICE_A, KIND_DEVICE)
    dev = Packet(dev, DEVICE_A, KIND_DEVICE)
    dev = Packet(dev, DEVICE_A, KIND_DEVICE)
    s.add(HandlerTask(s, HANDLER_A, 2000, dev))
    dev = Packet(None, DEVICE_B, KIND_DEVICE)
    dev = Packet(dev, DEVICE_B, KIND_DEVICE)
    dev = Packet(dev, DEVICE_B, KIND_DEVICE)
    s.add(HandlerTask(s, HANDLER_B, 3000, dev))
    s.add(DeviceTask(s, DEVICE_A, 4000, None))
    s.add(DeviceTask(s, DEVICE_B, 5000, None))
    s.run()
    checksum = 0
    for x in s.output:
        checksum = (checksum * 31 + x) % 1_000_000_007
    return s.switches, len(s.output), checksum


for _ in range(3):
    result = simulate(20_000)
print(result)
