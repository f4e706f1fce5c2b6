"""The benchmark driver behind scripts/bench (see there). Standard library plus confluent-kafka only."""
import argparse
import glob
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KAFKACTL = os.path.join(REPO, ".build-release", "release", "kafkactl")
PYTHON = os.path.join(REPO, ".venv", "bin", "python")

CONFLUENT_PRODUCER = r"""
import json, sys
from confluent_kafka import Producer
bootstrap, topic, path, keyed = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1"
p = Producer(dict(json.loads(sys.argv[5]), **{"bootstrap.servers": bootstrap}))
failed = [0]
def report(err, msg):
    if err is not None:
        failed[0] += 1
with open(path, "rb") as f:
    for line in f:
        line = line.rstrip(b"\n")
        key = None
        if keyed:
            key, line = line.split(b"\t", 1)
        while True:
            try:
                p.produce(topic, line, key, on_delivery=report)
                break
            except BufferError:
                p.poll(0.01)
p.flush()
sys.exit(1 if failed[0] else 0)
"""

# Each peer runs twice: at its defaults (what a user who pipes lines into it gets) and with kafkactl's guarantees
# (acks=all, idempotence, Java's murmur2 key placement), marked "=". kafkactl runs at its defaults, which are those
# guarantees. librdkafka's defaults: acks=all, no idempotence, linger.ms=5, partitioner consistent_random.
MATCHED_PRODUCE = {"acks": "all", "enable.idempotence": "true", "partitioner": "murmur2_random"}
PRODUCE_PEERS = {
    "kafkactl": ("defaults: acks=all, idempotence, murmur2", None),
    "kcat": ("defaults: acks=all, no idempotence, linger.ms=5, consistent_random", {}),
    "kcat=": ("matched: " + ", ".join(f"{k}={v}" for k, v in MATCHED_PRODUCE.items()), MATCHED_PRODUCE),
    "confluent": ("defaults: as kcat's", {}),
    "confluent=": ("matched: as kcat='s", MATCHED_PRODUCE),
}

# Consuming has no guarantees to match: the peers run at their defaults (fetch.wait.max.ms=500) and tuned, marked "=",
# as the issue measures them (fetch.wait.max.ms=10). kafkactl runs at its defaults.
CONSUME_PEERS = {
    "kafkactl": "defaults",
    "kcat": "defaults",
    "kcat=": "tuned: fetch.wait.max.ms=10",
    "confluent": "defaults",
    "confluent=": "tuned: fetch.wait.max.ms=10, fetch.queue.backoff.ms=1",
}


def run_measured(argv, env=None, stdin=None):
    """Runs a command; returns (wall seconds, client CPU seconds, peak RSS in KB)."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, env=env, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    err = child.stderr.read().decode(errors="replace")
    if child.returncode != 0:
        raise SystemExit(f"bench: {argv[0]} failed ({child.returncode}): {err.strip()[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def start_broker(state):
    env = dict(os.environ, KAFKACTL_BROKER_DIR=state)
    out = subprocess.run([os.path.join(REPO, "scripts", "broker"), "start"], env=env, check=True,
                         capture_output=True, text=True)
    return out.stdout.strip().splitlines()[-1]


def stop_broker(state):
    env = dict(os.environ, KAFKACTL_BROKER_DIR=state)
    subprocess.run([os.path.join(REPO, "scripts", "broker"), "stop"], env=env, check=False)


def kcat_env():
    libs = glob.glob(os.path.join(REPO, ".venv", "lib", "python*", "site-packages", "confluent_kafka.libs",
                                  "librdkafka-*.so.1"))
    if not libs:
        raise SystemExit("bench: confluent-kafka's bundled librdkafka not found; run scripts/setup")
    folder = tempfile.mkdtemp(prefix="kcat-rdkafka-")
    os.symlink(libs[0], os.path.join(folder, "librdkafka.so.1"))
    return dict(os.environ, LD_LIBRARY_PATH=folder)


def make_input(path, records, keyed):
    with open(path, "wb") as f:
        for i in range(records):
            value = b"%010d" % i + b"x" * 89  # 99 bytes + newline = 100
            if keyed:
                f.write(b"key-%d\t" % (i % 1000) + value + b"\n")
            else:
                f.write(value + b"\n")


def create_topic(bootstrap, topic, partitions):
    subprocess.run([KAFKACTL, "topics", "--bootstrap-server", bootstrap, "--create", "--topic", topic,
                    "--partitions", str(partitions)], check=True, stdout=subprocess.DEVNULL)


def produce_commands(client, bootstrap, topic, path, keyed, env):
    """argv, environment and whether the input goes to stdin, for one of PRODUCE_PEERS."""
    if client == "kafkactl":
        argv = [KAFKACTL, "console-producer", "--bootstrap-server", bootstrap, "--topic", topic]
        if keyed:
            argv += ["--property", "parse.key=true"]
        return argv, None, True
    settings = PRODUCE_PEERS[client][1]
    if client.startswith("kcat"):
        argv = ["kcat", "-P", "-b", bootstrap, "-t", topic]
        for name, value in settings.items():
            argv += ["-X", f"{name}={value}"]
        if keyed:
            argv += ["-K", "\t"]
        return argv + ["-l", path], env, False
    return [PYTHON, "-c", CONFLUENT_PRODUCER, bootstrap, topic, path, "1" if keyed else "0", json.dumps(settings)], \
        None, False


CONFLUENT_CONSUMER = r"""
import json, sys
from confluent_kafka import Consumer, TopicPartition
bootstrap, topic, partitions, expected = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
c = Consumer(dict(json.loads(sys.argv[5]), **{"bootstrap.servers": bootstrap, "group.id": "bench",
                                            "enable.auto.commit": False}))
c.assign([TopicPartition(topic, p, 0) for p in range(partitions)])
seen = 0
while seen < expected:
    for message in c.consume(10000, 1.0):
        if message.error() is None:
            seen += 1
c.close()
"""


def bench_consume(bootstrap, args, env, workdir):
    path = os.path.join(workdir, "input-plain.txt")
    if not os.path.exists(path):
        make_input(path, args.records, False)
    for partitions in (1, 6):
        topic = f"bench-consume-{partitions}"
        create_topic(bootstrap, topic, partitions)
        with open(path, "rb") as stdin:
            subprocess.run([KAFKACTL, "console-producer", "--bootstrap-server", bootstrap, "--topic", topic],
                           stdin=stdin, check=True)
        kcat = ["kcat", "-C", "-e", "-q", "-b", bootstrap, "-t", topic, "-o", "beginning"]
        confluent = [PYTHON, "-c", CONFLUENT_CONSUMER, bootstrap, topic, str(partitions), str(args.records)]
        commands = {
            "kafkactl": ([KAFKACTL, "console-consumer", "--bootstrap-server", bootstrap, "--topic", topic,
                          "--from-beginning", "--exit-at-end"], None),
            "kcat": (kcat, env),
            "kcat=": (kcat + ["-X", "fetch.wait.max.ms=10"], env),
            "confluent": (confluent + ["{}"], None),
            "confluent=": (confluent + ['{"fetch.wait.max.ms": "10", "fetch.queue.backoff.ms": "1"}'], None),
        }
        results = {client: [] for client in commands}
        for _ in range(args.rounds):
            for client, (argv, client_env) in commands.items():
                results[client].append(run_measured(argv, env=client_env))
        report(f"consume to the end ({partitions} partition{'s' if partitions > 1 else ''})", results,
               args.records, 100, CONSUME_PEERS)
        subprocess.run([KAFKACTL, "topics", "--bootstrap-server", bootstrap, "--delete", "--topic", topic],
                       check=True, stdout=subprocess.DEVNULL)


def report(title, results, records, record_bytes, settings):
    """A row per client with its settings, then kafkactl's ratio to each peer, at the peer's defaults and at matched
    (or tuned) settings."""
    print(f"\n{title}: {records} records of {record_bytes} bytes, medians of {len(next(iter(results.values())))} runs")
    print(f"{'client':<12}{'wall s':>8}{'rec/s':>12}{'MB/s':>8}{'CPU s':>8}{'CPU/rec us':>12}{'RSS MB':>8}  settings")
    medians = {}
    for client, runs in results.items():
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        rss = max(r[2] for r in runs) / 1024
        medians[client] = (wall, cpu)
        print(f"{client:<12}{wall:>8.3f}{records / wall:>12,.0f}{records * record_bytes / wall / 1e6:>8.1f}"
              f"{cpu:>8.3f}{cpu / records * 1e6:>12.3f}{rss:>8.1f}  {settings[client]}")
    ours = medians["kafkactl"]
    for peer, theirs in medians.items():
        if peer != "kafkactl":
            which = settings[peer].split(":")[0] if peer.endswith("=") else "defaults"
            print(f"kafkactl vs {peer.rstrip('=') + ' at ' + which + ':':<24}{theirs[0] / ours[0]:>5.2f}x records/s, "
                  f"{ours[1] / theirs[1]:.2f}x CPU per record")


def bench_produce(bootstrap, args, env, workdir):
    for keyed in (False, True):
        path = os.path.join(workdir, f"input-{'keyed' if keyed else 'plain'}.txt")
        make_input(path, args.records, keyed)
        results = {client: [] for client in PRODUCE_PEERS}
        for round_number in range(args.rounds):
            for client in results:
                topic = f"bench-produce-{client.replace('=', 'm')}-{'k' if keyed else 'p'}-{round_number}"
                create_topic(bootstrap, topic, 6 if keyed else 1)
                argv, client_env, use_stdin = produce_commands(client, bootstrap, topic, path, keyed, env)
                with open(path, "rb") as stdin:
                    results[client].append(run_measured(argv, env=client_env, stdin=stdin if use_stdin else None))
                # The broker keeps data in memory: drop each topic once measured.
                subprocess.run([KAFKACTL, "topics", "--bootstrap-server", bootstrap, "--delete", "--topic", topic],
                               check=True, stdout=subprocess.DEVNULL)
        report(f"produce ({'keyed, 6 partitions' if keyed else '1 partition'})", results, args.records, 100,
               {client: description for client, (description, _) in PRODUCE_PEERS.items()})


def bench_where(bootstrap, args, env, workdir):
    """console-consumer with --where filters that scan every record (one on a JSON path, one on bytes) against the
    same read without a filter, and a key lookup that reads one partition of 12: the filter's own cost per record."""
    path = os.path.join(workdir, "input-json.txt")
    with open(path, "wb") as f:
        for i in range(args.records):
            # About 100 bytes: a key, then a JSON value with a nested path.
            f.write(b"k%d\t{\"order\":{\"id\":%d,\"total\":%d,\"who\":\"%s\"},\"pad\":\"%s\"}\n"
                    % (i % 1000, i, i % 500, (b"ann", b"bob", b"cy")[i % 3], b"x" * 30))
    topic = "bench-where"
    create_topic(bootstrap, topic, 12)
    with open(path, "rb") as stdin:
        subprocess.run([KAFKACTL, "console-producer", "--bootstrap-server", bootstrap, "--topic", topic,
                        "--property", "parse.key=true"], stdin=stdin, check=True)
    base = [KAFKACTL, "console-consumer", "--bootstrap-server", bootstrap, "--topic", topic, "--from-beginning",
            "--exit-at-end"]
    commands = {
        "no filter": base,
        "value.order.total > 400": base + ["--where", "value.order.total > 400"],
        "value contains": base + ["--where", 'value contains "\\"who\\":\\"cy\\""'],
        "key == (1 of 12)": base + ["--where", 'key == "k7"'],
    }
    results = {name: [] for name in commands}
    for _ in range(args.rounds):
        for name, argv in commands.items():
            results[name].append(run_measured(argv))
    print(f"\nconsume with --where (12 partitions): {args.records} JSON records of about 100 bytes, "
          f"medians of {args.rounds} runs")
    print(f"{'filter':<26}{'wall s':>8}{'scanned rec/s':>15}{'CPU s':>8}{'CPU/rec us':>12}")
    for name, runs in results.items():
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        scanned = args.records if "1 of 12" not in name else args.records / 12
        print(f"{name:<26}{wall:>8.3f}{scanned / wall:>15,.0f}{cpu:>8.3f}{cpu / scanned * 1e6:>12.3f}")
    print("(scanned rec/s: records tested per second of wall time; the key lookup reads one partition's records)")
    subprocess.run([KAFKACTL, "topics", "--bootstrap-server", bootstrap, "--delete", "--topic", topic],
                   check=True, stdout=subprocess.DEVNULL)


CODECS = ("none", "gzip", "snappy", "lz4", "zstd")


def bench_codecs(bootstrap, args, env, workdir):
    """Produces the plain input once per codec with kafkactl and kcat; each codec's speed relative to none."""
    path = os.path.join(workdir, "input-plain.txt")
    if not os.path.exists(path):
        make_input(path, args.records, False)
    results = {(client, codec): [] for codec in CODECS for client in ("kafkactl", "kcat=")}
    for round_number in range(args.rounds):
        for (client, codec) in results:
            topic = f"bench-codec-{client.rstrip('=')}-{codec}-{round_number}"
            create_topic(bootstrap, topic, 1)
            argv, client_env, use_stdin = produce_commands(client, bootstrap, topic, path, False, env)
            argv = argv + (["--compression-codec", codec] if client == "kafkactl" else ["-z", codec])
            with open(path, "rb") as stdin:
                results[(client, codec)].append(run_measured(argv, env=client_env, stdin=stdin if use_stdin else None))
            subprocess.run([KAFKACTL, "topics", "--bootstrap-server", bootstrap, "--delete", "--topic", topic],
                           check=True, stdout=subprocess.DEVNULL)
    print(f"\nproduce per codec (1 partition): {args.records} records of 100 bytes, medians of {args.rounds} runs")
    print(f"{'codec':<8}{'kafkactl rec/s':>16}{'vs none':>9}{'CPU/rec us':>12}{'RSS MB':>8}"
          f"{'kcat rec/s':>14}{'vs none':>9}{'kafkactl/kcat':>15}")
    medians = {key: (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs),
                     max(r[2] for r in runs) / 1024) for key, runs in results.items()}
    for codec in CODECS:
        ours, theirs = medians[("kafkactl", codec)], medians[("kcat=", codec)]
        ours_none, theirs_none = medians[("kafkactl", "none")], medians[("kcat=", "none")]
        print(f"{codec:<8}{args.records / ours[0]:>16,.0f}{ours[0] / ours_none[0]:>8.2f}x{ours[1] / args.records * 1e6:>12.3f}"
              f"{ours[2]:>8.1f}{args.records / theirs[0]:>14,.0f}{theirs[0] / theirs_none[0]:>8.2f}x"
              f"{theirs[0] / ours[0]:>14.2f}x")
    print("(vs none: wall time relative to uncompressed; the target is at most 1.5x. kcat at matched settings: "
          + PRODUCE_PEERS["kcat="][0] + ")")


def spawn_times(commands, rounds):
    """Wall time of each command ((argv, environment) pairs) in ms, interleaved round by round so that drift in the
    machine's speed touches all alike; output to /dev/null, posix_spawn to keep the harness's own cost small."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    actions = [(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)]
    times = [[] for _ in commands]
    for round_ in range(rounds + 10):
        for index, (argv, env) in enumerate(commands):
            start = time.perf_counter_ns()
            pid = os.posix_spawn(argv[0], argv, env, file_actions=actions)
            _, status = os.waitpid(pid, 0)
            elapsed = (time.perf_counter_ns() - start) / 1e6
            if os.waitstatus_to_exitcode(status) != 0:
                raise SystemExit(f"bench: {' '.join(argv)} failed")
            if round_ >= 10:  # the first rounds warm the page cache
                times[index].append(elapsed)
    os.close(devnull)
    return times


def bench_startup(bootstrap, args, env, workdir):
    for topic in ("bench-startup-a", "bench-startup-b"):
        create_topic(bootstrap, topic, 3)
    # An installed copy, as users run it (README: cp .build/release/kafkactl /usr/local/bin/). The linker writes its
    # output through mmap, in small page-cache pages; a copy is cached in large ones, and on this machine starts
    # about 0.2 ms faster, which is the copy's doing, not the code's.
    installed = os.path.join(workdir, "kafkactl")
    shutil.copyfile(KAFKACTL, installed)
    os.chmod(installed, 0o755)
    kcat = shutil.which("kcat")
    rounds = args.rounds * 60
    # kafkactl's commands alternate with each other, kcat runs in a block of its own: interleaved with kcat, whose
    # exit leaves the machine busier, kafkactl's start-ups measured about 0.4 ms slower.
    ours = [
        ("kafkactl --version", [installed, "--version"]),
        ("kafkactl topics --list", [installed, "topics", "--bootstrap-server", bootstrap, "--list"]),
    ]
    theirs = [("kcat -L (metadata listing)", [kcat, "-L", "-b", bootstrap])]
    results = list(zip(ours, spawn_times([(argv, dict(os.environ)) for _, argv in ours], rounds)))
    results += list(zip(theirs, spawn_times([(argv, env) for _, argv in theirs], rounds)))
    print(f"\nStart-up: {rounds} runs each, wall time from spawn to exit")
    print(f"{'command':<30}{'median ms':>10}{'p10 ms':>9}{'p90 ms':>9}")
    medians = []
    for (name, _), samples in results:
        samples = sorted(samples)
        medians.append(statistics.median(samples))
        print(f"{name:<30}{medians[-1]:>10.2f}{samples[len(samples) // 10]:>9.2f}{samples[9 * len(samples) // 10]:>9.2f}")
    print(f"kcat -L / kafkactl topics --list: {medians[2] / medians[1]:.2f}x (targets: --version 3 ms, topics --list 5 ms)")


def bench_perf_test(bootstrap, args, env, workdir):
    """producer-perf-test against console-producer on the same data (issue #20: its figures must agree with the
    produce benchmark's): 99-byte values to one partition, kafkactl's defaults for both, alternating round by round.
    The perf test's own summary (records/s from its first send to its last acknowledgement) is printed beside the
    wall-clock rates of both processes."""
    path = os.path.join(workdir, "input-plain.txt")
    if not os.path.exists(path):
        make_input(path, args.records, False)
    walls = {"console-producer": [], "producer-perf-test": []}
    reported = []
    for round_number in range(args.rounds):
        for client in walls:
            topic = f"bench-perf-{client}-{round_number}"
            create_topic(bootstrap, topic, 1)
            if client == "console-producer":
                with open(path, "rb") as stdin:
                    walls[client].append(run_measured([KAFKACTL, "console-producer", "--bootstrap-server", bootstrap,
                                                       "--topic", topic], stdin=stdin))
            else:
                argv = [KAFKACTL, "producer-perf-test", "--bootstrap-server", bootstrap, "--topic", topic,
                        "--num-records", str(args.records), "--record-size", "99", "--throughput", "-1",
                        "--output", "json"]
                started = time.monotonic()
                result = subprocess.run(argv, capture_output=True, text=True, check=True)
                wall = time.monotonic() - started
                walls[client].append((wall, 0.0, 0))
                reported.append(json.loads(result.stdout)["records_per_sec"])
            subprocess.run([KAFKACTL, "topics", "--bootstrap-server", bootstrap, "--delete", "--topic", topic],
                           check=True, stdout=subprocess.DEVNULL)
    print(f"\nproducer-perf-test vs console-producer: {args.records} records of 99-byte values, 1 partition, "
          f"kafkactl's defaults (acks=all, idempotent), medians of {args.rounds} runs")
    for client, runs in walls.items():
        wall = statistics.median(r[0] for r in runs)
        print(f"{client:<20} wall {wall:7.3f} s  {args.records / wall:>12,.0f} records/s (process start to exit)")
    print(f"{'producer-perf-test':<20} reports {statistics.median(reported):>12,.0f} records/s (its summary line)")


def bench_copy(bootstrap, args, env, workdir):
    """`copy` (issue #21: at least the rate of console-consumer piped into console-producer, and 100 MB/s on
    loopback) and `topics --diff` (at consume speed): the same keyed 100-byte records over 6 partitions. copy writes
    exactly (idempotent, acks=all, checkpointed twice a second); the pipe copies text lines through kafkactl's two
    everyday commands at their defaults (the same producer guarantees); the diff reads both topics; console-consumer
    reading one topic is the consume speed. Alternating round by round, medians."""
    path = os.path.join(workdir, "input-keyed.txt")
    if not os.path.exists(path):
        make_input(path, args.records, True)
    payload = os.path.getsize(path) - args.records  # key, tab and value bytes, without the newlines
    source = "bench-copy-source"
    create_topic(bootstrap, source, 6)
    with open(path, "rb") as stdin:
        subprocess.run([KAFKACTL, "console-producer", "--bootstrap-server", bootstrap, "--topic", source,
                        "--property", "parse.key=true"], stdin=stdin, check=True)
    walls = {"copy": [], "console-consumer | console-producer": [], "topics --diff (both topics)": [],
             "console-consumer (one topic)": []}
    for round_number in range(args.rounds):
        copied = f"bench-copy-target-{round_number}"
        piped = f"bench-copy-piped-{round_number}"
        create_topic(bootstrap, copied, 6)
        create_topic(bootstrap, piped, 6)
        checkpoint = os.path.join(workdir, f"copy-{round_number}.checkpoint")
        walls["copy"].append(run_measured([KAFKACTL, "copy", "--from-bootstrap-server", bootstrap, "--from-topic",
                                           source, "--to-topic", copied, "--checkpoint", checkpoint]))
        pipe = (f"{KAFKACTL} console-consumer --bootstrap-server {bootstrap} --topic {source} --from-beginning "
                f"--exit-at-end --property print.key=true | {KAFKACTL} console-producer --bootstrap-server "
                f"{bootstrap} --topic {piped} --property parse.key=true")
        walls["console-consumer | console-producer"].append(run_measured(["bash", "-o", "pipefail", "-c", pipe]))
        walls["topics --diff (both topics)"].append(run_measured([KAFKACTL, "topics", "--bootstrap-server", bootstrap,
                                                                  "--diff", "--topic", source, "--to-topic", copied]))
        walls["console-consumer (one topic)"].append(run_measured([KAFKACTL, "console-consumer", "--bootstrap-server",
                                                                   bootstrap, "--topic", source, "--from-beginning",
                                                                   "--exit-at-end"]))
        for topic in (copied, piped):
            subprocess.run([KAFKACTL, "topics", "--bootstrap-server", bootstrap, "--delete", "--topic", topic],
                           check=True, stdout=subprocess.DEVNULL)
    print(f"\ncopy and diff: {args.records} keyed records of 100 bytes ({payload / 1e6:.0f} MB of keys and values), "
          f"6 partitions, medians of {args.rounds} runs (the client's CPU; the diff reads twice the records)")
    print(f"{'command':<40}{'wall s':>8}{'records/s':>12}{'MB/s':>8}{'CPU s':>8}{'RSS MB':>8}")
    for name, runs in walls.items():
        wall = statistics.median(r[0] for r in runs)
        records = args.records * (2 if "both" in name else 1)
        print(f"{name:<40}{wall:>8.3f}{records / wall:>12,.0f}{payload * records / args.records / wall / 1e6:>8.1f}"
              f"{statistics.median(r[1] for r in runs):>8.3f}{statistics.median(r[2] for r in runs) / 1024:>8.0f}")
    copy_wall = statistics.median(r[0] for r in walls["copy"])
    pipe_wall = statistics.median(r[0] for r in walls["console-consumer | console-producer"])
    print(f"copy / pipe: {pipe_wall / copy_wall:.2f}x the pipe's rate (target: at least 1x, and 100 MB/s)")


COMMIT_GROUPS = r"""
import sys
from confluent_kafka import TopicPartition, ConsumerGroupTopicPartitions
from confluent_kafka.admin import AdminClient
admin = AdminClient({"bootstrap.servers": sys.argv[1]})
futures = []
for i in range(int(sys.argv[4])):
    request = ConsumerGroupTopicPartitions(f"{sys.argv[2]}-{i}", [TopicPartition(sys.argv[3], i % 12, 0)])
    futures += list(admin.alter_consumer_group_offsets([request]).values())
for future in futures:
    future.result()
"""


def bench_top(bootstrap, args, env, workdir):
    """`top`'s first frame with 1,000 consumer groups (issue #22 asks for it within 2 s): each group committed one
    partition of a 12-partition topic; `top --iterations 1 --output json` from spawn to exit, which is the first
    frame plus start-up. No peer: no other tool shows lag for every group in one view (kafka-consumer-groups.sh
    --describe --all-groups is the nearest, and needs a JVM)."""
    topic = "bench-top"
    create_topic(bootstrap, topic, 12)
    prefix = "bench-top-group"
    subprocess.run([PYTHON, "-c", COMMIT_GROUPS, bootstrap, prefix, topic, "1000"], check=True)
    argv = [KAFKACTL, "top", "--bootstrap-server", bootstrap, "--group", f"^{prefix}-", "--iterations", "1",
            "--output", "json"]
    check = subprocess.run(argv, capture_output=True, text=True, check=True)
    rows = json.loads(check.stdout.splitlines()[0])
    runs = [run_measured(argv) for _ in range(args.rounds)]
    walls = sorted(r[0] for r in runs)
    print(f"\ntop, first frame with 1,000 groups (one broker, 12 partitions), {args.rounds} runs")
    print(f"document: {len(rows.get('rows', rows.get('groups', [])))} rows")
    print(f"wall s: median {statistics.median(walls):.3f}, best {walls[0]:.3f}, worst {walls[-1]:.3f}; "
          f"CPU s median {statistics.median(r[1] for r in runs):.3f}; peak RSS median "
          f"{statistics.median(r[2] for r in runs) / 1024:.0f} MB (target: first frame within 2 s)")


def main():
    parser = argparse.ArgumentParser(prog="scripts/bench")
    parser.add_argument("what", nargs="?", default="all", choices=["produce", "consume", "codecs", "where", "startup", "perf-test", "top", "copy", "all"])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    if not os.access(KAFKACTL, os.X_OK):
        raise SystemExit(f"bench: {KAFKACTL} is missing; run scripts/bench without --no-build")
    env = kcat_env()
    versions = subprocess.run([PYTHON, "-c", "import confluent_kafka as c; print(c.__version__, c.libversion()[0])"],
                              capture_output=True, text=True).stdout.split()
    print(f"date {time.strftime('%Y-%m-%d %H:%M')} | machine {os.cpu_count()} cores | kafkactl "
          f"{subprocess.run([KAFKACTL, '--version'], capture_output=True, text=True).stdout.strip()} | "
          f"confluent-kafka {versions[0]} | librdkafka {versions[1]} (kcat runs on it)")
    state = tempfile.mkdtemp(prefix="kafkactl-bench-broker-")
    workdir = tempfile.mkdtemp(prefix="kafkactl-bench-")
    bootstrap = start_broker(state)
    try:
        if args.what in ("produce", "all"):
            bench_produce(bootstrap, args, env, workdir)
        if args.what in ("consume", "all"):
            bench_consume(bootstrap, args, env, workdir)
        if args.what in ("codecs", "all"):
            bench_codecs(bootstrap, args, env, workdir)
        if args.what in ("where", "all"):
            bench_where(bootstrap, args, env, workdir)
        if args.what in ("startup", "all"):
            bench_startup(bootstrap, args, env, workdir)
        if args.what in ("perf-test", "all"):
            bench_perf_test(bootstrap, args, env, workdir)
        if args.what in ("top", "all"):
            bench_top(bootstrap, args, env, workdir)
        if args.what in ("copy", "all"):
            bench_copy(bootstrap, args, env, workdir)
    finally:
        stop_broker(state)


if __name__ == "__main__":
    main()
