"""Small ONNX test models for Vigil's model kinds, with scikit-learn's own outputs as the expected values.

skl2onnx is not packaged by Debian, so the graphs are written by hand with the ONNX helper API (python3-onnx) from
scikit-learn's fitted coefficients, in skl2onnx's conventions:
  churn-columns   binary, ONE INPUT PER COLUMN (age float, income double, city string, member bool, visits int64),
                  the string column one-hot encoded inside the graph; outputs "output_label" (string) and
                  "output_probability" as a ZipMap seq(map(string, float)) with classes "no" / "yes".
  grade-zipmap    multiclass with classes 3, 5, 7 (not 0..K-1), one float tensor [N, 4]; outputs "label" (int64)
                  and "probabilities" as a ZipMap seq(map(int64, float)).
  grade-tensor    the same model with a [N, 3] probability tensor and no label output.
  price-linear    regression, one float tensor [N, 3]; output "variable" float [N, 1].
  tier-tensor     multiclass with STRING classes bronze / gold / silver, one float tensor [N, 3]; outputs "label"
                  (string) and "probabilities" as a plain [N, 3] tensor (no ZipMap): a bare file names no classes,
                  so `--classes bronze,gold,silver` gives them.
For each: NAME.onnx, NAME.data.csv (the test rows, label included), NAME.expected.csv (label and p_<class> columns,
or value), and NAME.features.txt for tensor inputs. Run: /usr/bin/python3 make_test_models.py OUT_DIR
"""
import os, sys
import numpy as np
from onnx import helper, TensorProto, TypeProto, numpy_helper, checker, save
from sklearn.linear_model import LogisticRegression, LinearRegression

out = sys.argv[1] if len(sys.argv) > 1 else "."
os.makedirs(out, exist_ok=True)
rng = np.random.RandomState(7)
ML = helper.make_opsetid("ai.onnx.ml", 2)
OPS = [helper.make_opsetid("", 13), ML]


def zipmap_output(name, key_type):
    # seq(map(key_type, float)), built field by field: python3-onnx 1.12 has no make_map_type_proto.
    t = TypeProto()
    t.sequence_type.elem_type.map_type.key_type = key_type
    t.sequence_type.elem_type.map_type.value_type.tensor_type.elem_type = TensorProto.FLOAT
    return helper.make_value_info(name, t)


def finish(graph, name):
    m = helper.make_model(graph, opset_imports=OPS, producer_name="make_test_models")
    m.ir_version = 8
    checker.check_model(m)
    save(m, f"{out}/{name}.onnx")
    return m


def write_csv(path, header, rows):
    with open(path, "w") as f:
        f.write(",".join(header) + "\n")
        for r in rows:
            f.write(",".join(r) + "\n")


def g(v):
    return "%.9g" % v


# churn-columns: binary, one input per column with a string column
n = 600
age = rng.uniform(18, 80, n)
income = rng.normal(50, 15, n)
cities = np.array(["east", "north", "south"])
city = cities[rng.randint(0, 3, n)]
member = rng.rand(n) < 0.4
visits = rng.poisson(3, n)
logit = 0.04 * (age - 45) - 0.05 * (income - 50) + np.where(city == "south", 0.8, np.where(city == "north", -0.5, 0)) - 0.9 * member + 0.3 * (visits - 3)
churn = np.where(rng.rand(n) < 1 / (1 + np.exp(-logit)), "yes", "no")
X = np.column_stack([age, income, member.astype(float), visits.astype(float)] + [(city == c).astype(float) for c in cities])
mean, scale = X[:400].mean(0), X[:400].std(0)
lr = LogisticRegression(max_iter=2000).fit((X[:400] - mean) / scale, churn[:400])
assert list(lr.classes_) == ["no", "yes"]
init = [numpy_helper.from_array(mean.astype(np.float32), "mean"), numpy_helper.from_array(scale.astype(np.float32), "scale"),
        numpy_helper.from_array(lr.coef_.T.astype(np.float32), "coef"), numpy_helper.from_array(lr.intercept_.astype(np.float32), "intercept"),
        numpy_helper.from_array(np.array([1.0], np.float32), "one"), numpy_helper.from_array(np.array([-1, 3], np.int64), "onehot_shape"),
        numpy_helper.from_array(np.array(["no", "yes"], dtype=object), "class_names")]
nodes = [helper.make_node("Cast", ["income"], ["income_f"], to=TensorProto.FLOAT),
         helper.make_node("Cast", ["member"], ["member_f"], to=TensorProto.FLOAT),
         helper.make_node("Cast", ["visits"], ["visits_f"], to=TensorProto.FLOAT),
         helper.make_node("OneHotEncoder", ["city"], ["city_3d"], domain="ai.onnx.ml", cats_strings=list(cities), zeros=1),
         helper.make_node("Reshape", ["city_3d", "onehot_shape"], ["city_oh"]),
         helper.make_node("Concat", ["age", "income_f", "member_f", "visits_f", "city_oh"], ["x"], axis=1),
         helper.make_node("Sub", ["x", "mean"], ["c"]), helper.make_node("Div", ["c", "scale"], ["z"]),
         helper.make_node("MatMul", ["z", "coef"], ["m"]), helper.make_node("Add", ["m", "intercept"], ["logit"]),
         helper.make_node("Sigmoid", ["logit"], ["p1"]), helper.make_node("Sub", ["one", "p1"], ["p0"]),
         helper.make_node("Concat", ["p0", "p1"], ["probabilities"], axis=1),
         helper.make_node("ArgMax", ["probabilities"], ["index"], axis=1, keepdims=0),
         helper.make_node("Gather", ["class_names", "index"], ["output_label"], axis=0),
         helper.make_node("ZipMap", ["probabilities"], ["output_probability"], domain="ai.onnx.ml", classlabels_strings=["no", "yes"])]
inputs = [helper.make_tensor_value_info("age", TensorProto.FLOAT, [None, 1]), helper.make_tensor_value_info("income", TensorProto.DOUBLE, [None, 1]),
          helper.make_tensor_value_info("city", TensorProto.STRING, [None, 1]), helper.make_tensor_value_info("member", TensorProto.BOOL, [None, 1]),
          helper.make_tensor_value_info("visits", TensorProto.INT64, [None, 1])]
finish(helper.make_graph(nodes, "churn", inputs, [helper.make_tensor_value_info("output_label", TensorProto.STRING, [None]),
                                                  zipmap_output("output_probability", TensorProto.STRING)], init), "churn-columns")
# age is float32 in the graph: the expected values see the same rounded ages.
age32 = age.astype(np.float32).astype(np.float64)
Xt = np.column_stack([age32, income, member.astype(float), visits.astype(float)] + [(city == c).astype(float) for c in cities])
P = lr.predict_proba((Xt - mean) / scale)
rows = lambda idx: [[g(age32[i]), repr(float(income[i])), city[i], "true" if member[i] else "false", str(visits[i]), churn[i]] for i in idx]
write_csv(f"{out}/churn-columns.reference.csv", ["age", "income", "city", "member", "visits", "churn"], rows(range(400)))
write_csv(f"{out}/churn-columns.data.csv", ["age", "income", "city", "member", "visits", "churn"], rows(range(400, n)))
write_csv(f"{out}/churn-columns.expected.csv", ["label", "p_no", "p_yes"],
          [[lr.classes_[P[i].argmax()], g(P[i, 0]), g(P[i, 1])] for i in range(400, n)])

# grade-zipmap / grade-tensor: multiclass with classes 3, 5, 7 and one float tensor
n = 500
F = rng.normal(0, 1, (n, 4))
scores = F @ np.array([[1.5, -1, 0], [0, 1.2, -1], [-0.5, 0.5, 1], [0.3, 0, -0.3]])
grade = np.array([3, 5, 7])[np.array([rng.choice(3, p=np.exp(s) / np.exp(s).sum()) for s in scores])]
mlr = LogisticRegression(max_iter=2000).fit(F[:350], grade[:350])
assert list(mlr.classes_) == [3, 5, 7]
F32 = F.astype(np.float32).astype(np.float64)
Pm = mlr.predict_proba(F32)
for name, zipmap in [("grade-zipmap", True), ("grade-tensor", False)]:
    init = [numpy_helper.from_array(mlr.coef_.T.astype(np.float32), "coef"), numpy_helper.from_array(mlr.intercept_.astype(np.float32), "intercept"),
            numpy_helper.from_array(np.array([3, 5, 7], np.int64), "classes")]
    nodes = [helper.make_node("MatMul", ["float_input", "coef"], ["m"]), helper.make_node("Add", ["m", "intercept"], ["s"]),
             helper.make_node("Softmax", ["s"], ["probability_tensor"], axis=1)]
    if zipmap:
        nodes += [helper.make_node("ArgMax", ["probability_tensor"], ["index"], axis=1, keepdims=0),
                  helper.make_node("Gather", ["classes", "index"], ["label"], axis=0),
                  helper.make_node("ZipMap", ["probability_tensor"], ["probabilities"], domain="ai.onnx.ml", classlabels_int64s=[3, 5, 7])]
        outputs = [helper.make_tensor_value_info("label", TensorProto.INT64, [None]), zipmap_output("probabilities", TensorProto.INT64)]
    else:
        outputs = [helper.make_tensor_value_info("probability_tensor", TensorProto.FLOAT, [None, 3])]
        init = init[:2]
    finish(helper.make_graph(nodes, name, [helper.make_tensor_value_info("float_input", TensorProto.FLOAT, [None, 4])], outputs, init), name)
    features = ["f1", "f2", "f3", "f4"]
    open(f"{out}/{name}.features.txt", "w").write("\n".join(features) + "\n")
    data = lambda idx: [[g(F32[i, j]) for j in range(4)] + [str(grade[i])] for i in idx]
    write_csv(f"{out}/{name}.reference.csv", features + ["grade"], data(range(350)))
    write_csv(f"{out}/{name}.data.csv", features + ["grade"], data(range(350, n)))
    write_csv(f"{out}/{name}.expected.csv", ["label", "p_3", "p_5", "p_7"],
              [[str(mlr.classes_[Pm[i].argmax()]), g(Pm[i, 0]), g(Pm[i, 1]), g(Pm[i, 2])] for i in range(350, n)])

# price-linear: regression, one float tensor, a value output [N, 1]
n = 300
R = rng.uniform(0, 10, (n, 3))
price = 3 + R @ np.array([2.0, -1.5, 0.5]) + rng.normal(0, 1, n)
reg = LinearRegression().fit(R[:200], price[:200])
init = [numpy_helper.from_array(reg.coef_.reshape(3, 1).astype(np.float32), "coef"), numpy_helper.from_array(np.array([reg.intercept_], np.float32), "intercept")]
nodes = [helper.make_node("MatMul", ["float_input", "coef"], ["m"]), helper.make_node("Add", ["m", "intercept"], ["variable"])]
finish(helper.make_graph(nodes, "price", [helper.make_tensor_value_info("float_input", TensorProto.FLOAT, [None, 3])],
                         [helper.make_tensor_value_info("variable", TensorProto.FLOAT, [None, 1])], init), "price-linear")
R32 = R.astype(np.float32).astype(np.float64)
V = reg.predict(R32)
open(f"{out}/price-linear.features.txt", "w").write("size\nage\nrooms\n")
data = lambda idx: [[g(R32[i, j]) for j in range(3)] + [g(price[i])] for i in idx]
write_csv(f"{out}/price-linear.reference.csv", ["size", "age", "rooms", "price"], data(range(200)))
write_csv(f"{out}/price-linear.data.csv", ["size", "age", "rooms", "price"], data(range(200, n)))
write_csv(f"{out}/price-linear.expected.csv", ["value"], [[g(V[i])] for i in range(200, n)])
# tier-tensor: string classes, a label tensor of strings and a plain probability tensor (no class names in the graph)
n = 400
T = rng.normal(0, 1, (n, 3))
tscores = T @ np.array([[1.2, -0.8, 0], [-0.4, 1.0, -0.6], [0.2, 0.3, 1.1]])
tier = np.array(["gold", "silver", "bronze"])[np.array([rng.choice(3, p=np.exp(s) / np.exp(s).sum()) for s in tscores])]
tlr = LogisticRegression(max_iter=2000).fit(T[:250], tier[:250])
assert list(tlr.classes_) == ["bronze", "gold", "silver"]
init = [numpy_helper.from_array(tlr.coef_.T.astype(np.float32), "coef"), numpy_helper.from_array(tlr.intercept_.astype(np.float32), "intercept"),
        numpy_helper.from_array(np.array(list(tlr.classes_), dtype=object), "class_names")]
nodes = [helper.make_node("MatMul", ["float_input", "coef"], ["m"]), helper.make_node("Add", ["m", "intercept"], ["s"]),
         helper.make_node("Softmax", ["s"], ["probabilities"], axis=1),
         helper.make_node("ArgMax", ["probabilities"], ["index"], axis=1, keepdims=0),
         helper.make_node("Gather", ["class_names", "index"], ["label"], axis=0)]
finish(helper.make_graph(nodes, "tier", [helper.make_tensor_value_info("float_input", TensorProto.FLOAT, [None, 3])],
                         [helper.make_tensor_value_info("label", TensorProto.STRING, [None]),
                          helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, [None, 3])], init), "tier-tensor")
T32 = T.astype(np.float32).astype(np.float64)
Pt = tlr.predict_proba(T32)
open(f"{out}/tier-tensor.features.txt", "w").write("t1\nt2\nt3\n")
data = lambda idx: [[g(T32[i, j]) for j in range(3)] + [tier[i]] for i in idx]
write_csv(f"{out}/tier-tensor.reference.csv", ["t1", "t2", "t3", "tier"], data(range(250)))
write_csv(f"{out}/tier-tensor.data.csv", ["t1", "t2", "t3", "tier"], data(range(250, n)))
write_csv(f"{out}/tier-tensor.expected.csv", ["label", "p_bronze", "p_gold", "p_silver"],
          [[tlr.classes_[Pt[i].argmax()], g(Pt[i, 0]), g(Pt[i, 1]), g(Pt[i, 2])] for i in range(250, n)])
print("written to", out)
