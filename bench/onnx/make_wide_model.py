"""bench/onnx/wide-logreg.onnx: a logistic regression on 20 float features (f0..f19, one tensor [N, 20]) in skl2onnx's
default layout (label int64, ZipMap probabilities), for `Vigil.LoadGen setup --onnx` (an ONNX champion under /predict
load). Written with Debian's python3-onnx and python3-sklearn: /usr/bin/python3 bench/onnx/make_wide_model.py"""
import os
import numpy as np
from onnx import helper, TensorProto, TypeProto, numpy_helper, checker, save
from sklearn.linear_model import LogisticRegression

rng = np.random.RandomState(11)
X = rng.normal(0, 1, (4000, 20))
y = (X[:, :5].sum(1) + rng.normal(0, 1, 4000) > 0).astype(int)
lr = LogisticRegression(max_iter=1000).fit(X, y)
init = [numpy_helper.from_array(lr.coef_.T.astype(np.float32), "coef"), numpy_helper.from_array(lr.intercept_.astype(np.float32), "intercept"),
        numpy_helper.from_array(np.array([1.0], np.float32), "one"), numpy_helper.from_array(np.array([0, 1], np.int64), "classes")]
nodes = [helper.make_node("MatMul", ["float_input", "coef"], ["m"]), helper.make_node("Add", ["m", "intercept"], ["logit"]),
         helper.make_node("Sigmoid", ["logit"], ["p1"]), helper.make_node("Sub", ["one", "p1"], ["p0"]),
         helper.make_node("Concat", ["p0", "p1"], ["probabilities"], axis=1),
         helper.make_node("ArgMax", ["probabilities"], ["index"], axis=1, keepdims=0),
         helper.make_node("Gather", ["classes", "index"], ["output_label"], axis=0),
         helper.make_node("ZipMap", ["probabilities"], ["output_probability"], domain="ai.onnx.ml", classlabels_int64s=[0, 1])]
zipmap_type = TypeProto()  # seq(map(int64, float)); python3-onnx 1.12 has no make_map_type_proto
zipmap_type.sequence_type.elem_type.map_type.key_type = TensorProto.INT64
zipmap_type.sequence_type.elem_type.map_type.value_type.tensor_type.elem_type = TensorProto.FLOAT
zipmap = helper.make_value_info("output_probability", zipmap_type)
graph = helper.make_graph(nodes, "wide", [helper.make_tensor_value_info("float_input", TensorProto.FLOAT, [None, 20])],
                          [helper.make_tensor_value_info("output_label", TensorProto.INT64, [None]), zipmap], init)
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13), helper.make_opsetid("ai.onnx.ml", 1)], producer_name="make_wide_model")
model.ir_version = 8
checker.check_model(model)
save(model, os.path.join(os.path.dirname(os.path.abspath(__file__)), "wide-logreg.onnx"))
